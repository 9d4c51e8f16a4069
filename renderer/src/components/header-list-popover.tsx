import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { badgeText } from '../../../shared/domain/sla';
import { IconChecks } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface HeaderListPopoverProps {
  /** Whether the list is open; the owner closes it after an item is opened. */
  opened: boolean;
  onOpenedChange: (opened: boolean) => void;
  /** The header icon, e.g. <IconBell size={18} />. */
  icon: ReactNode;
  title: string;
  /** Accessible name of the icon button (includes the unread count when there is one). */
  ariaLabel: string;
  unread: number;
  markAllLabel: string;
  onMarkAll: () => void;
  /** Shown instead of the list when it is empty (or failed to load). */
  emptyText: string;
  /** Test ids: `<prefix>-bell`, `<prefix>-unread`, `<prefix>-list`. */
  testIdPrefix: string;
  /**
   * The entries, rendered only while the list is open (and when there is at least one): the
   * header draws on the first frame of every screen, a closed list need not cost it anything.
   */
  renderItems: () => ReactNode;
  hasItems: boolean;
}

/** A header icon with an unread badge that opens a list with "mark all read" (alerts, notifications). */
export function HeaderListPopover(props: HeaderListPopoverProps) {
  const { opened, onOpenedChange, unread, testIdPrefix } = props;
  return (
    <Popover opened={opened} onChange={onOpenedChange} position="bottom-end" shadow="lg" width={400} withArrow>
      <Popover.Target>
        <Indicator label={badgeText(unread)} size={18} color="red" offset={4} disabled={unread === 0} data-testid={`${testIdPrefix}-unread`}>
          <Tooltip label={props.title} disabled={opened}>
            <ActionIcon variant="default" size="lg" radius="md" onClick={() => onOpenedChange(!opened)} aria-label={props.ariaLabel} data-testid={`${testIdPrefix}-bell`}>
              {props.icon}
            </ActionIcon>
          </Tooltip>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="md" py="sm">
          <Text fw={600}>{props.title}</Text>
          <Button size="compact-xs" variant="subtle" leftSection={<IconChecks size={14} />} disabled={unread === 0} onClick={props.onMarkAll}>
            {props.markAllLabel}
          </Button>
        </Group>
        {props.hasItems ? (
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack gap={0} pb={4} data-testid={`${testIdPrefix}-list`}>
              <ListItems render={props.renderItems} />
            </Stack>
          </ScrollArea.Autosize>
        ) : (
          <Text size="sm" c="dimmed" px="md" pb="md">
            {props.emptyText}
          </Text>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

/** A component of its own so that the entries render with the open dropdown, not with the header. */
function ListItems({ render }: { render: () => ReactNode }) {
  return render();
}
