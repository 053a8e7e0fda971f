import { Alert, Loader, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentCase } from '../cases/current-case';
import { errorMessage } from '../vault/error-message';
import { NeedsCase } from '../workspace/NeedsCase';
import { SectionHeading } from '../workspace/SectionHeading';
import { useEvidenceList } from './evidence-queries';
import { defaultSort, emptyFilter } from './library-filter';
import { ItemPage } from './ItemPage';
import { LibraryView, type LibraryState } from './LibraryView';

/** The evidence section: the current case's library, or one of its items. */
export function EvidenceScreen() {
  const { caseId } = useCurrentCase();
  if (caseId === null) return <NeedsCase section="evidence" />;
  // A new case starts with a fresh library: no filter or open item carried over.
  return <CaseEvidence key={caseId} caseId={caseId} />;
}

function CaseEvidence({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const list = useEvidenceList(caseId);
  const [openId, setOpenId] = useState<string | null>(null);
  const [library, setLibrary] = useState<LibraryState>({
    filter: emptyFilter,
    sort: defaultSort,
    activeId: null,
  });
  const open = (id: string): void => {
    setLibrary((state) => ({ ...state, activeId: id }));
    setOpenId(id);
  };

  if (openId !== null)
    return (
      <ItemPage caseId={caseId} id={openId} library={list.data} onBack={() => setOpenId(null)} />
    );
  if (list.isSuccess)
    return (
      <LibraryView
        caseId={caseId}
        data={list.data}
        state={library}
        onStateChange={setLibrary}
        onOpen={open}
      />
    );
  return (
    <Stack gap="md">
      <SectionHeading section="evidence" caseId={caseId} />
      {list.isError ? (
        <Alert color="red">{errorMessage(t, list.error)}</Alert>
      ) : (
        <Loader aria-label={t('library.loading')} />
      )}
    </Stack>
  );
}
