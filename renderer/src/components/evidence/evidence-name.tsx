import { Text, Tooltip, type TextProps } from '@mantine/core';

interface EvidenceNameProps extends Pick<TextProps, 'size' | 'fw' | 'c'> {
  /** The file's name exactly as given: never normalised, trimmed or escaped into something else. */
  name: string;
  /** Lines before cutting off with an ellipsis. @default 1 */
  lines?: number;
}

/**
 * A file name shown as given. Long names are cut off only visually (the whole name is in the
 * tooltip and the accessible text); <bdi> keeps right-to-left marks inside it from reordering the
 * text around it.
 */
export function EvidenceName({ name, lines = 1, ...textProps }: EvidenceNameProps) {
  return (
    <Tooltip label={name} openDelay={400} multiline maw={420} style={{ wordBreak: 'break-all' }}>
      <Text {...textProps} lineClamp={lines} style={{ wordBreak: 'break-all', minWidth: 0 }} title={undefined}>
        <bdi>{name}</bdi>
      </Text>
    </Tooltip>
  );
}
