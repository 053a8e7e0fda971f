import { Button, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionHeading } from '../workspace/SectionHeading';
import { DropZone } from './DropZone';
import type { EvidenceList } from './evidence-queries';
import { IntakeModal, type IntakeDraft } from './IntakeModal';
import { IntakeQueue } from './IntakeQueue';
import { useIntakeQueue } from './IntakeQueueProvider';
import { guessKind } from './kind-guess';
import {
  allTags,
  buildRows,
  filterRows,
  nextSort,
  sortRows,
  type LibraryFilter,
  type LibrarySort,
} from './library-filter';
import { LibraryFilters } from './LibraryFilters';
import { LibraryTable } from './LibraryTable';
import { TextIntakeModal, type TextKind } from './TextIntakeModal';

/** Where the lawyer was in the library: kept while an item is open, restored on return. */
export type LibraryState = {
  readonly filter: LibraryFilter;
  readonly sort: LibrarySort;
  readonly activeId: string | null;
};

/**
 * The evidence of a case: filter, sort, open an item; add files (dropped anywhere here or
 * chosen), a typed statement or a pasted article.
 */
export function LibraryView({
  caseId,
  data,
  state,
  onStateChange,
  onOpen,
}: {
  caseId: string;
  data: EvidenceList;
  state: LibraryState;
  onStateChange: (state: LibraryState) => void;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const queue = useIntakeQueue();
  const fileInput = useRef<HTMLInputElement>(null);
  const [drafts, setDrafts] = useState<IntakeDraft[]>([]);
  const [batch, setBatch] = useState(0);
  const [textKind, setTextKind] = useState<TextKind | null>(null);

  const rows = useMemo(
    () => buildRows(data.items, data.sources, data.persons),
    [data.items, data.sources, data.persons],
  );
  const tags = useMemo(() => allTags(data.items), [data.items]);
  // Typing in the quick filter stays responsive: the table catches up a frame later.
  const filter = useDeferredValue(state.filter);
  const shown = useMemo(
    () => sortRows(filterRows(rows, filter), state.sort),
    [rows, filter, state.sort],
  );

  const addFiles = (files: readonly File[]): void => {
    const added = files.map((file) => ({ file, kind: guessKind(file.name, file.type), title: '' }));
    setDrafts((current) => [...current, ...added]);
  };

  return (
    <Stack gap="md">
      <SectionHeading section="evidence" caseId={caseId}>
        <Button onClick={() => fileInput.current?.click()} data-testid="add-files">
          {t('intake.addFiles')}
        </Button>
        <Button variant="default" onClick={() => setTextKind('statement')}>
          {t('intake.newStatement')}
        </Button>
        <Button variant="default" onClick={() => setTextKind('article')}>
          {t('intake.pasteArticle')}
        </Button>
      </SectionHeading>
      <VisuallyHidden>
        <input
          ref={fileInput}
          type="file"
          multiple
          tabIndex={-1}
          aria-label={t('intake.addFiles')}
          data-testid="intake-file-input"
          onChange={(event) => {
            addFiles(Array.from(event.currentTarget.files ?? []));
            // The same file chosen again must fire a change too.
            event.currentTarget.value = '';
          }}
        />
      </VisuallyHidden>
      <DropZone onFiles={addFiles}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('intake.dropHint')}
          </Text>
          <IntakeQueue caseId={caseId} onOpenItem={onOpen} />
          <LibraryFilters
            filter={state.filter}
            onChange={(next) => onStateChange({ ...state, filter: next })}
            sources={data.sources}
            persons={data.persons}
            tags={tags}
          />
          <Text size="sm" aria-live="polite" data-testid="library-count">
            {t('library.count', { shown: shown.length, total: rows.length })}
          </Text>
          <LibraryTable
            rows={shown}
            total={rows.length}
            sort={state.sort}
            onSort={(column) => onStateChange({ ...state, sort: nextSort(state.sort, column) })}
            activeId={state.activeId}
            onActiveChange={(activeId) => onStateChange({ ...state, activeId })}
            onOpen={onOpen}
          />
        </Stack>
      </DropZone>
      <IntakeModal
        key={batch}
        drafts={drafts}
        sources={data.sources}
        onChange={setDrafts}
        onClose={() => {
          setDrafts([]);
          setBatch((n) => n + 1);
        }}
        onSubmit={(files) => {
          queue.enqueue(caseId, files);
          setDrafts([]);
          setBatch((n) => n + 1);
        }}
      />
      {textKind !== null && (
        <TextIntakeModal
          kind={textKind}
          caseId={caseId}
          sources={data.sources}
          onClose={() => setTextKind(null)}
          onAdded={(id) => {
            setTextKind(null);
            onOpen(id);
          }}
        />
      )}
    </Stack>
  );
}
