import { Badge, Button, Checkbox, Popover, ScrollArea, Stack } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';

interface FilterMenuProps<T extends string> {
  /** What the filter narrows by; also the button's accessible name. */
  label: string;
  options: readonly { value: T; label: string }[];
  /** Ticked values; none ticked means no filter. */
  value: readonly T[];
  onChange: (value: T[]) => void;
  testId?: string;
}

/** A multi-choice filter as one compact button with a tick list, so a filter bar stays on one line (inbox, cases). */
export function FilterMenu<T extends string>({ label, options, value, onChange, testId }: FilterMenuProps<T>) {
  const active = value.length > 0;
  return (
    <Popover position="bottom-start" shadow="md" withinPortal>
      <Popover.Target>
        <Button size="sm" variant={active ? 'light' : 'default'} rightSection={<IconChevronDown size={14} />} aria-label={label} data-testid={testId}>
          {label}
          {active ? (
            <Badge size="xs" circle ml={6} variant="filled">
              {value.length}
            </Badge>
          ) : null}
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid={testId ? `${testId}-menu` : undefined}>
        <Checkbox.Group label={label} value={[...value]} onChange={(next) => onChange(next as T[])}>
          <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
            <Stack gap={8} mt="xs">
              {options.map((option) => (
                <Checkbox key={option.value} value={option.value} label={option.label} size="sm" />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Checkbox.Group>
      </Popover.Dropdown>
    </Popover>
  );
}
