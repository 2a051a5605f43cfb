/**
 * A telephone handset beside the word on call buttons (the word says it; the shape helps
 * someone who knows telephones). `down`: the handset laid down, for hanging up.
 */
export function PhoneIcon(props: { down?: boolean }) {
  return (
    <svg className={`phone-icon${props.down ? ' phone-icon--down' : ''}`} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M6.6 10.8a15.2 15.2 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z"
      />
    </svg>
  );
}
