import { useId, type ReactNode } from 'react';
import classes from './segmented-choice.module.css';

export interface SegmentedChoiceProps<T extends string> {
  value: T;
  onChange: (value: T) => void;
  data: readonly { value: T; label: ReactNode }[];
  size: 'xs' | 'sm';
  'aria-label'?: string;
  'data-testid'?: string;
}

/**
 * A row of radios shown as segments, for the always-visible switches of the first screen. Unlike
 * Mantine's SegmentedControl it measures nothing: several of those in the header and the inbox
 * each forced a layout of the whole window right after its first render.
 */
export function SegmentedChoice<T extends string>({ value, onChange, data, size, ...rest }: SegmentedChoiceProps<T>) {
  const name = useId();
  return (
    <div role="radiogroup" className={classes.root} data-size={size} {...rest}>
      {data.map((item) => {
        const id = `${name}-${item.value}`;
        return (
          <div key={item.value}>
            <input className={classes.input} type="radio" name={name} id={id} value={item.value} checked={item.value === value} onChange={() => onChange(item.value)} />
            <label className={classes.label} htmlFor={id}>
              {item.label}
            </label>
          </div>
        );
      })}
    </div>
  );
}
