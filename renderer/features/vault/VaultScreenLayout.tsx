import { Box, Container, Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { StatusBar } from '../../app/StatusBar';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import type { Language } from '../../i18n/i18n';
import { AppTitle } from '../../components/AppTitle';

export const vaultScreenTitleId = 'vault-screen-title';

/** A vault screen's heading, which also names the page's main region. */
export function VaultScreenTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={1} size="h2" id={vaultScreenTitleId}>
      {children}
    </Title>
  );
}

/**
 * The frame of the screens shown while the vault is not open: a header, one card, the status
 * bar. It stays mounted from one of these screens to the next; each screen brings its own
 * VaultScreenTitle.
 */
export function VaultScreenLayout({
  onLanguageChange,
  children,
}: {
  onLanguageChange: (language: Language) => void;
  children: ReactNode;
}) {
  return (
    <Stack mih="100vh" gap={0}>
      <Group component="header" h={48} px="md" justify="space-between" style={{ flexShrink: 0 }}>
        <AppTitle />
        <LanguageSwitch onChange={onLanguageChange} />
      </Group>
      <Box component="main" style={{ flex: 1 }} py="xl" aria-labelledby={vaultScreenTitleId}>
        <Container size={560}>
          <Paper withBorder shadow="sm" p="xl" radius="md">
            <Stack gap="md">{children}</Stack>
          </Paper>
        </Container>
      </Box>
      <Box
        component="footer"
        h={32}
        style={{ flexShrink: 0, borderTop: '1px solid var(--mantine-color-default-border)' }}
      >
        <StatusBar />
      </Box>
    </Stack>
  );
}
