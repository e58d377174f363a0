import type { ComponentChildren, VNode } from 'preact';

export interface ControlProps {
  id: string;
  'aria-describedby': string;
  'aria-invalid': boolean;
}

interface FieldProps {
  id: string;
  label: string;
  help: ComponentChildren;
  error?: string | undefined;
  /** A repair notice about this field's saved value (e.g. an unknown region was reset). */
  notice?: string | undefined;
  children: (control: ControlProps) => VNode;
  /** Extra content after the control (buttons, hints that belong to it). */
  after?: ComponentChildren;
}

/** One labelled control with its help text, a notice and its error, all tied to it for screen readers. */
export function Field({ id, label, help, error, notice, children, after }: FieldProps) {
  const describedBy = [error && `${id}-error`, notice && `${id}-notice`, `${id}-help`]
    .filter(Boolean)
    .join(' ');
  return (
    <div class={`field${error ? ' field--invalid' : ''}`}>
      <label for={id}>{label}</label>
      <p id={`${id}-help`} class="help">
        {help}
      </p>
      <div class="control-row">
        {children({ id, 'aria-describedby': describedBy, 'aria-invalid': !!error })}
        {after}
      </div>
      {notice && (
        <p id={`${id}-notice`} class="notice">
          {notice}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </div>
  );
}

interface ChoiceGroupProps<T extends string> {
  id: string;
  legend: string;
  help: ComponentChildren;
  name: string;
  value: string;
  choices: { value: T; label: ComponentChildren }[];
  onChange: (value: T) => void;
  error?: string | undefined;
  disabled?: boolean;
}

/** A set of radio buttons in a fieldset, with its help and error described. */
export function ChoiceGroup<T extends string>(props: ChoiceGroupProps<T>) {
  const { id, legend, help, name, value, choices, onChange, error, disabled } = props;
  const describedBy = [error && `${id}-error`, `${id}-help`].filter(Boolean).join(' ');
  return (
    <fieldset
      id={id}
      class={`field choices${error ? ' field--invalid' : ''}`}
      aria-describedby={describedBy}
      aria-invalid={!!error}
      disabled={disabled}
    >
      <legend>{legend}</legend>
      <p id={`${id}-help`} class="help">
        {help}
      </p>
      <div class="choice-list">
        {choices.map((c) => (
          <label key={c.value} class="choice">
            <input
              type="radio"
              name={name}
              value={c.value}
              checked={value === c.value}
              onChange={() => onChange(c.value)}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} class="error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </fieldset>
  );
}

interface NumberFieldProps extends Omit<FieldProps, 'children' | 'after'> {
  name: string;
  value: string;
  /** Shown after the field, e.g. "h" or "ranks or more". */
  unit: string;
  onInput: (value: string) => void;
}

/** A whole number typed in a text field (numeric keyboard; checked on save), with its unit. */
export function NumberField({ name, value, unit, onInput, ...field }: NumberFieldProps) {
  return (
    <Field {...field} after={<span class="unit">{unit}</span>}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="numeric"
          name={name}
          class="narrow"
          value={value}
          onInput={(ev) => onInput(ev.currentTarget.value)}
        />
      )}
    </Field>
  );
}

interface CheckFieldProps {
  name: string;
  /** The help paragraph's id (the checkbox is described by it). */
  helpId: string;
  label: ComponentChildren;
  help: ComponentChildren;
  checked: boolean;
  /** The new state, and the box (to show what an asynchronous decision made of it). */
  onChange: (checked: boolean, box: HTMLInputElement) => void;
}

/** A checkbox with its label and the help that describes it. */
export function CheckField({ name, helpId, label, help, checked, onChange }: CheckFieldProps) {
  return (
    <div class="field">
      <label class="check">
        <input
          type="checkbox"
          name={name}
          checked={checked}
          aria-describedby={helpId}
          onChange={(ev) => onChange(ev.currentTarget.checked, ev.currentTarget)}
        />
        <span>{label}</span>
      </label>
      <p id={helpId} class="help">
        {help}
      </p>
    </div>
  );
}
