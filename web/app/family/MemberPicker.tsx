import type { PersonJson } from '../familyApi.js';
import { Avatar } from './Avatar.js';

/** Tick boxes for who is in a group: each person with their photo and full name. */
export function MemberPicker(props: { legend: string; people: PersonJson[]; selected: ReadonlySet<string>; onChange(selected: Set<string>): void; nameOf(person: PersonJson): string }) {
  const toggle = (id: string, on: boolean) => {
    const next = new Set(props.selected);
    if (on) next.add(id);
    else next.delete(id);
    props.onChange(next);
  };
  return (
    <fieldset className="choices member-picker">
      <legend className="choices__legend">{props.legend}</legend>
      {props.people.map((person) => (
        <label key={person.id} className="choice member-picker__choice">
          <input type="checkbox" checked={props.selected.has(person.id)} onChange={(event) => toggle(person.id, event.target.checked)} />
          <Avatar person={person} size="small" />
          <span>{props.nameOf(person)}</span>
        </label>
      ))}
    </fieldset>
  );
}
