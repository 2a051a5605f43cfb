import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n.js';
import { useFocusOnNavigation } from '../router.js';

/** Sets the document title to "<page> · prifora" while the component is shown. */
export function useDocumentTitle(page: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('app.pageTitle', { page });
  }, [page, t]);
}

/**
 * The one <h1> of a page. It names the page in the document title and takes the focus after an
 * in-app navigation, so screen readers announce the new page.
 * @param props.focus - take the focus when shown even without a navigation: for a page that
 *   replaces the form whose button had the focus ("Check your mail")
 */
export function PageHeading(props: { children: ReactNode; title: string; className?: string; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(props.title);
  useFocusOnNavigation(ref);
  const { focus } = props;
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h1 ref={ref} tabIndex={-1} className={props.className}>
      {props.children}
    </h1>
  );
}
