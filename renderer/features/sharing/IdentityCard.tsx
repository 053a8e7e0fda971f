import {
  Alert,
  Button,
  CopyButton,
  Group,
  Image,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../vault/error-message';
import { Fingerprint } from './Fingerprint';
import { useSharingIdentity } from './sharing-queries';

/** The SVG core made of the recipient, as an image: an <img> never runs what an SVG holds. */
function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** This vault's key for colleagues: the recipient, its fingerprint to read aloud, a QR code. */
export function IdentityCard() {
  const { t } = useTranslation();
  const identity = useSharingIdentity();
  return (
    <Stack gap="xs" component="section" aria-labelledby="sharing-identity-title">
      <Title order={2} size="h3" id="sharing-identity-title">
        {t('sharing.identity.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('sharing.identity.hint')}
      </Text>
      {identity.isPending && <Loader size="sm" aria-label={t('sharing.identity.loading')} />}
      {identity.isError && <Alert color="red">{errorMessage(t, identity.error)}</Alert>}
      {identity.isSuccess && (
        <Paper withBorder p="md">
          <Group align="flex-start" gap="lg" wrap="wrap">
            <Image
              src={svgDataUrl(identity.data.qrSvg)}
              alt={t('sharing.identity.qr')}
              w={168}
              h={168}
              data-testid="identity-qr"
            />
            <Stack gap="sm" style={{ flex: 1, minWidth: 260 }}>
              <Stack gap={4}>
                <Text fw={600} id="sharing-recipient-label">
                  {t('sharing.identity.recipient')}
                </Text>
                <Text
                  component="output"
                  aria-labelledby="sharing-recipient-label"
                  ff="monospace"
                  data-testid="identity-recipient"
                  style={{ wordBreak: 'break-all' }}
                >
                  {identity.data.recipient}
                </Text>
                <Group>
                  <CopyButton value={identity.data.recipient} timeout={2000}>
                    {({ copied, copy }) => (
                      <Button variant="default" size="xs" onClick={copy}>
                        {copied ? t('sharing.copied') : t('sharing.identity.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </Stack>
              <Fingerprint groups={identity.data.fingerprint} testId="identity-fingerprint" large />
            </Stack>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
