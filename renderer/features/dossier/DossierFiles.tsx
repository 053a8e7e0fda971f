import { Alert, Button, Code, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DossierView } from '../../../shared/dossier';
import { formatSize } from '../evidence/format';
import { errorMessage } from '../vault/error-message';
import { useSaveFile } from './dossier-queries';

export type OpenFile = { readonly name: string; readonly url: string };

/**
 * The files of a built dossier (one, or several volumes), with what a court or the other side
 * checks them by: pages, size, SHA-256 and the Bates numbers each covers.
 */
export function DossierFiles({
  caseId,
  dossier,
  onOpen,
}: {
  caseId: string;
  dossier: DossierView;
  onOpen: (file: OpenFile) => void;
}) {
  const { t, i18n } = useTranslation();
  const save = useSaveFile(caseId);
  const savedName = save.isSuccess && save.data ? save.variables.name : null;

  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing={4} data-testid="dossier-files">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dossier.files.name')}</Table.Th>
              <Table.Th>{t('dossier.files.pages')}</Table.Th>
              <Table.Th>{t('dossier.files.size')}</Table.Th>
              <Table.Th>{t('dossier.files.bates')}</Table.Th>
              <Table.Th>{t('dossier.files.sha256')}</Table.Th>
              <Table.Th>{t('dossier.files.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dossier.files.map((file, index) => (
              <Table.Tr key={file.blobId} data-testid="dossier-file">
                <Table.Td>{file.name}</Table.Td>
                <Table.Td>{file.pages}</Table.Td>
                <Table.Td>{formatSize(file.size, i18n.language)}</Table.Td>
                <Table.Td>
                  {t('dossier.files.batesRange', { first: file.firstBates, last: file.lastBates })}
                </Table.Td>
                <Table.Td>
                  <Code style={{ wordBreak: 'break-all' }}>{file.sha256}</Code>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="light"
                      aria-label={t('dossier.files.openNamed', { name: file.name })}
                      aria-haspopup="dialog"
                      onClick={() => onOpen({ name: file.name, url: file.url })}
                    >
                      {t('dossier.files.open')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={t('dossier.files.saveNamed', { name: file.name })}
                      loading={save.isPending && save.variables.name === file.name}
                      onClick={() =>
                        save.mutate({
                          dossierId: dossier.id,
                          file: index,
                          name: file.name,
                          url: file.url,
                        })
                      }
                    >
                      {t('dossier.files.save')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {savedName !== null && (
        <Text size="sm" role="status">
          {t('dossier.files.saved', { name: savedName })}
        </Text>
      )}
      {save.isError && <Alert color="red">{errorMessage(t, save.error)}</Alert>}
    </>
  );
}
