import { Stack, Text } from '@mantine/core';

/** A SHA-256 in groups of eight hex digits, easier to read aloud and compare than one run of 64. */
export function ShaGroups({
  label,
  sha256,
  testId,
}: {
  label: string;
  sha256: string;
  testId?: string;
}) {
  const groups = sha256.match(/.{1,8}/g) ?? [];
  return (
    <Stack gap={2}>
      <Text fw={600} size="sm">
        {label}
      </Text>
      <Text ff="monospace" size="sm" data-testid={testId} data-sha256={sha256}>
        {groups.join(' ')}
      </Text>
    </Stack>
  );
}
