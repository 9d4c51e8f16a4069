import { SimpleGrid } from '@mantine/core';
import type { EvidenceItem } from '../../../../shared/contract';
import { EvidenceThumb } from './evidence-thumb';

interface EvidenceGalleryProps {
  items: readonly EvidenceItem[];
  onOpen: (item: EvidenceItem) => void;
  /** Smaller cards for panels. @default false */
  dense?: boolean;
}

export function EvidenceGallery({ items, onOpen, dense = false }: EvidenceGalleryProps) {
  return (
    <SimpleGrid cols={dense ? { base: 2, sm: 3, md: 4 } : { base: 2, sm: 3, md: 4, lg: 5 }} spacing="sm" data-testid="evidence-gallery">
      {items.map((item) => (
        <EvidenceThumb key={item.id} item={item} onOpen={onOpen} height={dense ? 110 : 140} />
      ))}
    </SimpleGrid>
  );
}
