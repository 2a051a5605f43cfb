/** Someone's photo, round; their initial on a calm colour when they have none. */
export function Avatar(props: { name: string; photoUrl: string | null; size: 'huge' | 'large' | 'small' }) {
  if (props.photoUrl) return <img className={`avatar avatar--${props.size}`} src={props.photoUrl} alt="" />;
  return (
    <span className={`avatar avatar--${props.size} avatar--initial`} aria-hidden="true">
      {props.name.charAt(0).toLocaleUpperCase()}
    </span>
  );
}
