import { IconFileText, IconFileTypePdf, IconFileUnknown, IconHeadphones, IconMovie, IconPhoto } from '@tabler/icons-react';
import type { EvidenceMedia } from '../../../../shared/domain/evidence';

export const mediaIcons = {
  image: IconPhoto,
  audio: IconHeadphones,
  video: IconMovie,
  pdf: IconFileTypePdf,
  text: IconFileText,
  other: IconFileUnknown,
} satisfies Record<EvidenceMedia, unknown>;

export const mediaColors: Record<EvidenceMedia, string> = {
  image: 'indigo',
  audio: 'grape',
  video: 'pink',
  pdf: 'red',
  text: 'teal',
  other: 'gray',
};
