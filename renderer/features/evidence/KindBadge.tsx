import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvidenceKind } from '../../../shared/evidence';

const colours: Record<EvidenceKind, string> = {
  video: 'grape',
  article: 'blue',
  statement: 'teal',
  document: 'gray',
  image: 'orange',
  audio: 'cyan',
  other: 'dark',
};

// A symbol as well as a colour and a word, so the kinds can be told apart at a glance without
// colour vision; plain symbols that common system fonts have (no emoji font is assumed).
const glyphs: Record<EvidenceKind, string> = {
  video: '▶',
  article: '¶',
  statement: '✎',
  document: '▤',
  image: '▣',
  audio: '♪',
  other: '•',
};

export function KindBadge({
  kind,
  size = 'sm',
}: {
  kind: EvidenceKind;
  size?: 'xs' | 'sm' | 'md';
}) {
  const { t } = useTranslation();
  return (
    <Badge
      size={size}
      variant="light"
      color={colours[kind]}
      leftSection={<span aria-hidden="true">{glyphs[kind]}</span>}
      styles={{ label: { textTransform: 'none' } }}
    >
      {t(`evidence.kinds.${kind}`)}
    </Badge>
  );
}
