// The project table's column chooser as a Fluent menu. Its own chunk (Menu brings positioning and
// floating-ui, about 20 KB compressed): the table shows a plain button of the same look until the
// person first opens it (ColumnChooser below), so the first page does not load the menu.
import {
  Button,
  Menu,
  MenuItemCheckbox,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { ColumnTriple20Regular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';

export interface ColumnMenuProps {
  label: string;
  /** The choosable columns: value and label. */
  choices: readonly { value: string; label: string }[];
  checked: readonly string[];
  onChange: (checked: readonly string[]) => void;
  /** Open at once (the person clicked the placeholder button). */
  defaultOpen?: boolean;
}

export function ColumnMenu({ label, choices, checked, onChange, defaultOpen }: ColumnMenuProps) {
  const list = useRef<HTMLDivElement>(null);
  // Opened from the placeholder: the focus goes to the first item, as when the menu's own trigger
  // opens it, and comes back to the trigger on close.
  useEffect(() => {
    if (defaultOpen) list.current?.querySelector<HTMLElement>('[role="menuitemcheckbox"]')?.focus();
  }, [defaultOpen]);
  return (
    <Menu
      defaultOpen={defaultOpen}
      checkedValues={{ columns: [...checked] }}
      onCheckedValueChange={(_, d) => onChange(d.checkedItems)}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button icon={<ColumnTriple20Regular />} data-testid="column-chooser">
          {label}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList ref={list}>
          {choices.map((c) => (
            <MenuItemCheckbox key={c.value} name="columns" value={c.value}>
              {c.label}
            </MenuItemCheckbox>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
