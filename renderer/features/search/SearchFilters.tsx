import { Button, Group, MultiSelect, NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonRecord, SourceRecord } from '../../../shared/evidence';
import { searchHitKinds, type SearchFilter } from '../../../shared/search';
import { kindLabel } from './kind-label';

/** Drops the filters that are empty, so that an unused one is not sent at all. */
function tidy(filter: SearchFilter): SearchFilter {
  const out: SearchFilter = {};
  if (filter.kinds !== undefined && filter.kinds.length > 0) out.kinds = filter.kinds;
  if (filter.sourceIds !== undefined && filter.sourceIds.length > 0)
    out.sourceIds = filter.sourceIds;
  if (filter.personIds !== undefined && filter.personIds.length > 0)
    out.personIds = filter.personIds;
  if (filter.from !== undefined && filter.from !== '') out.from = filter.from;
  if (filter.to !== undefined && filter.to !== '') out.to = filter.to;
  return out;
}

/**
 * What to search: kinds of record, and within one case its sources and persons; dates of the
 * items. Sources and persons belong to a case, so they are offered for the current case only.
 */
export function SearchFilters({
  filter,
  onChange,
  sources,
  persons,
}: {
  filter: SearchFilter;
  onChange: (filter: SearchFilter) => void;
  /** The current case's; empty when searching every case. */
  sources: readonly SourceRecord[];
  persons: readonly PersonRecord[];
}) {
  const { t } = useTranslation();
  const set = (change: Partial<SearchFilter>) => onChange(tidy({ ...filter, ...change }));
  const any = Object.keys(filter).length > 0;
  const caseOnly = sources.length > 0 || persons.length > 0;
  return (
    <Group gap="xs" align="flex-end" role="group" aria-label={t('search.filters.label')}>
      <MultiSelect
        label={t('search.filters.kind')}
        size="xs"
        clearable
        searchable
        w={190}
        data={searchHitKinds.map((kind) => ({ value: kind, label: kindLabel(t, kind) }))}
        value={[...(filter.kinds ?? [])]}
        onChange={(kinds) => set({ kinds })}
        nothingFoundMessage={t('search.filters.nothing')}
      />
      {caseOnly && (
        <NativeSelect
          label={t('search.filters.source')}
          size="xs"
          w={150}
          data={[
            { value: '', label: t('search.filters.anySource') },
            ...sources.map((s) => ({ value: s.id, label: s.name })),
          ]}
          value={filter.sourceIds?.[0] ?? ''}
          onChange={(e) =>
            set({ sourceIds: e.currentTarget.value === '' ? [] : [e.currentTarget.value] })
          }
        />
      )}
      {caseOnly && (
        <NativeSelect
          label={t('search.filters.person')}
          size="xs"
          w={150}
          data={[
            { value: '', label: t('search.filters.anyPerson') },
            ...persons.map((p) => ({ value: p.id, label: p.displayName })),
          ]}
          value={filter.personIds?.[0] ?? ''}
          onChange={(e) =>
            set({ personIds: e.currentTarget.value === '' ? [] : [e.currentTarget.value] })
          }
        />
      )}
      <TextInput
        type="date"
        label={t('search.filters.from')}
        size="xs"
        w={130}
        value={filter.from ?? ''}
        onChange={(e) => set({ from: e.currentTarget.value })}
      />
      <TextInput
        type="date"
        label={t('search.filters.to')}
        size="xs"
        w={130}
        value={filter.to ?? ''}
        onChange={(e) => set({ to: e.currentTarget.value })}
      />
      {any && (
        <Button size="xs" variant="subtle" onClick={() => onChange({})}>
          {t('search.filters.clear')}
        </Button>
      )}
    </Group>
  );
}
