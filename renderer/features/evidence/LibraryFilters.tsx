import {
  Button,
  Group,
  Input,
  MultiSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  evidenceKinds,
  reliabilityGrades,
  type PersonRecord,
  type SourceRecord,
} from '../../../shared/evidence';
import { emptyFilter, isFiltered, type LibraryFilter } from './library-filter';

const credibilityGrades = [1, 2, 3, 4, 5, 6] as const;

/** The library's quick filter and its facets; every facet is a searchable list. */
export function LibraryFilters({
  filter,
  onChange,
  sources,
  persons,
  tags,
}: {
  filter: LibraryFilter;
  onChange: (filter: LibraryFilter) => void;
  sources: readonly SourceRecord[];
  persons: readonly PersonRecord[];
  tags: readonly string[];
}) {
  const { t } = useTranslation();
  const set = <K extends keyof LibraryFilter>(key: K, value: LibraryFilter[K]) =>
    onChange({ ...filter, [key]: value });
  const facet = (label: string) => ({
    label,
    searchable: true,
    clearable: true,
    size: 'xs' as const,
    limit: 100,
    nothingFoundMessage: t('library.filters.nothing'),
  });
  return (
    <Stack gap="xs" role="search" aria-label={t('library.filters.label')}>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('library.filters.quick')}
          placeholder={t('library.filters.quickPlaceholder')}
          value={filter.text}
          onChange={(e) => set('text', e.currentTarget.value)}
          style={{ flex: 1, minWidth: 220 }}
          type="search"
          data-testid="library-quick-filter"
        />
        <Input.Wrapper label={t('library.filters.linked')}>
          <SegmentedControl
            size="xs"
            value={filter.linked}
            onChange={(value) => set('linked', value)}
            data={(['all', 'linked', 'unlinked'] as const).map((value) => ({
              value,
              label: t(`library.filters.linkedOptions.${value}`),
            }))}
            display="flex"
          />
        </Input.Wrapper>
        {isFiltered(filter) && (
          <Button size="xs" variant="subtle" onClick={() => onChange(emptyFilter)}>
            {t('library.filters.clear')}
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 3, xl: 6 }} spacing="xs">
        <MultiSelect
          {...facet(t('library.filters.kind'))}
          data={evidenceKinds.map((kind) => ({ value: kind, label: t(`evidence.kinds.${kind}`) }))}
          value={[...filter.kinds]}
          onChange={(value) => set('kinds', value)}
        />
        <MultiSelect
          {...facet(t('library.filters.source'))}
          data={sources.map((s) => ({ value: s.id, label: s.name }))}
          value={[...filter.sourceIds]}
          onChange={(value) => set('sourceIds', value)}
        />
        <MultiSelect
          {...facet(t('library.filters.person'))}
          data={persons.map((p) => ({ value: p.id, label: p.displayName }))}
          value={[...filter.personIds]}
          onChange={(value) => set('personIds', value)}
        />
        <MultiSelect
          {...facet(t('library.filters.tag'))}
          data={[...tags]}
          value={[...filter.tags]}
          onChange={(value) => set('tags', value)}
        />
        <MultiSelect
          {...facet(t('library.filters.reliability'))}
          data={reliabilityGrades.map((grade) => ({
            value: grade,
            label: `${grade} — ${t(`evidence.reliability.${grade}`)}`,
          }))}
          value={[...filter.reliability]}
          onChange={(value) => set('reliability', value)}
        />
        <MultiSelect
          {...facet(t('library.filters.credibility'))}
          data={credibilityGrades.map((grade) => ({
            value: String(grade),
            label: `${String(grade)} — ${t(`evidence.credibility.${String(grade)}`)}`,
          }))}
          value={filter.credibility.map(String)}
          onChange={(value) =>
            set(
              'credibility',
              value.map((grade) => Number(grade)),
            )
          }
        />
      </SimpleGrid>
    </Stack>
  );
}
