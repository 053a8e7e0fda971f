import { Alert, Loader, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentCase } from '../cases/current-case';
import { errorMessage } from '../vault/error-message';
import {
  useEvidenceRequest,
  ViewerTargetProvider,
  type EvidenceRequest,
} from '../workspace/navigation';
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
  // Search may ask for an item, at a page or moment: it is opened once, here.
  const { request, done } = useEvidenceRequest();
  const [target, setTarget] = useState<EvidenceRequest | null>(null);
  const asked = request !== null && request.caseId === caseId ? request : null;
  if (asked !== null && asked.seq !== target?.seq) {
    setTarget(asked);
    open(asked.evidenceId);
  }
  useEffect(() => {
    if (asked !== null) done(asked.seq);
  }, [asked, done]);

  if (openId !== null)
    return (
      <ViewerTargetProvider target={target}>
        <ItemPage caseId={caseId} id={openId} library={list.data} onBack={() => setOpenId(null)} />
      </ViewerTargetProvider>
    );
  if (list.isSuccess)
    return (
      <LibraryView
        caseId={caseId}
        data={list.data}
        state={library}
        onStateChange={setLibrary}
        onOpen={(id) => {
          // Opened from the library: at its start, not where an earlier search pointed.
          setTarget(null);
          open(id);
        }}
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
