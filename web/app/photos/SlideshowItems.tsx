import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { Button } from '../../common/components/Button.js';
import { useI18n } from '../../common/i18n.js';
import type { SlideshowItemJson } from './api.js';
import { Thumb } from './Thumb.js';
import { kindWord, whenText } from './when.js';

/** Moves the item at `from` to `to`, returning a new list. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = list.slice();
  const [moved] = copy.splice(from, 1);
  if (moved === undefined) return copy;
  copy.splice(Math.max(0, Math.min(to, copy.length)), 0, moved);
  return copy;
}

type FocusTarget = { id: string; on: 'item' | 'earlier' | 'later' | 'none' };

/**
 * A slideshow's items in their order, each with its thumbnail and who added it. Those who may
 * reorder (admins) move an item by dragging its handle (mouse or finger, pointer events; the
 * rows stay put while dragging, a line shows where it lands), with the arrow keys on the
 * focused item, or with its "Earlier" and "Later" buttons; every move is announced and saved at
 * once through `onReorder`. Whoever may, takes an item out.
 */
export function SlideshowItems(props: {
  name: string;
  items: SlideshowItemJson[];
  canReorder: boolean;
  onReorder(mediaIds: string[]): Promise<boolean>;
  onRemove(item: SlideshowItemJson): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const helpId = useId();
  const [order, setOrder] = useState(() => props.items.map((item) => item.media.id));
  const [announcement, setAnnouncement] = useState('');
  // The dragged item and the place it would land; the rows only move on release, because a
  // moved element loses its pointer capture.
  const [drag, setDrag] = useState<{ id: string; over: number } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const focusAfter = useRef<FocusTarget | null>(null);

  // A fresh list from the server (another change, a reload) replaces the local order.
  useEffect(() => {
    setOrder(props.items.map((item) => item.media.id));
  }, [props.items]);

  // A moved element loses the focus in the browser: give it back to the item or button that had it.
  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    const row = listRef.current?.querySelector<HTMLElement>(`[data-item-id="${target.id}"]`);
    const element = target.on === 'none' ? null : target.on === 'item' ? row : row?.querySelector<HTMLElement>(`[data-move="${target.on}"]`);
    element?.focus();
  }, [order]);

  const byId = new Map(props.items.map((item) => [item.media.id, item]));
  const rows = order.map((id) => byId.get(id)).filter((item): item is SlideshowItemJson => item !== undefined);
  const label = (item: SlideshowItemJson, index: number) =>
    t('slideshows.item.label', { kind: kindWord(i18n, item.media.kind), n: index + 1, count: rows.length, name: item.addedBy?.name ?? t('slideshows.someone') });

  const save = async (next: string[], previous: string[], movedId: string) => {
    const item = byId.get(movedId);
    const place = next.indexOf(movedId) + 1;
    if (item) setAnnouncement(t('slideshows.moved', { kind: kindWord(i18n, item.media.kind), n: place, count: next.length }));
    if (!(await props.onReorder(next))) setOrder(previous);
  };

  const move = (id: string, to: number, focus: FocusTarget['on']) => {
    const from = order.indexOf(id);
    if (from === -1 || to < 0 || to >= order.length || to === from) return;
    const next = moveItem(order, from, to);
    focusAfter.current = { id, on: focus };
    setOrder(next);
    void save(next, order, id);
  };

  const onItemKey = (event: KeyboardEvent<HTMLLIElement>, id: string) => {
    if (!props.canReorder || event.target !== event.currentTarget) return;
    const from = order.indexOf(id);
    const to = { ArrowUp: from - 1, ArrowLeft: from - 1, ArrowDown: from + 1, ArrowRight: from + 1, Home: 0, End: order.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    move(id, to, 'item');
  };

  const onHandleDown = (event: PointerEvent<HTMLSpanElement>, id: string) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ id, over: order.indexOf(id) });
  };

  const onHandleMove = (event: PointerEvent<HTMLSpanElement>) => {
    if (!drag) return;
    // With the pointer captured, the row under the finger is found by position.
    const under = document.elementFromPoint(event.clientX, event.clientY)?.closest<HTMLElement>('[data-item-id]');
    const over = under?.dataset.itemId && listRef.current?.contains(under) ? order.indexOf(under.dataset.itemId) : -1;
    if (over !== -1 && over !== drag.over) setDrag({ id: drag.id, over });
  };

  const onHandleUp = () => {
    if (!drag) return;
    setDrag(null);
    move(drag.id, drag.over, 'none');
  };

  if (rows.length === 0) return null;
  return (
    <>
      {props.canReorder && (
        <p id={helpId} className="small muted">
          {t('slideshows.reorderHelp')}
        </p>
      )}
      <ol ref={listRef} className="slide-items" aria-label={t('slideshows.itemsLabel', { name: props.name })}>
        {rows.map((item, index) => {
          const itemLabel = label(item, index);
          const from = drag ? order.indexOf(drag.id) : -1;
          const landing = drag && drag.over === index && drag.id !== item.media.id ? (drag.over < from ? ' slide-item--land-before' : ' slide-item--land-after') : '';
          return (
            <li
              key={item.media.id}
              data-item-id={item.media.id}
              className={`slide-item${props.canReorder ? '' : ' slide-item--fixed'}${drag?.id === item.media.id ? ' slide-item--dragging' : ''}${landing}`}
              tabIndex={props.canReorder ? 0 : undefined}
              aria-label={props.canReorder ? itemLabel : undefined}
              aria-describedby={props.canReorder ? helpId : undefined}
              onKeyDown={(event) => onItemKey(event, item.media.id)}
            >
              {props.canReorder && (
                <span
                  className="slide-item__handle"
                  aria-hidden="true"
                  onPointerDown={(event) => onHandleDown(event, item.media.id)}
                  onPointerMove={onHandleMove}
                  onPointerUp={onHandleUp}
                  onPointerCancel={() => setDrag(null)}
                >
                  <span className="slide-item__grip" />
                </span>
              )}
              <Thumb media={item.media} videoLabel={t('photos.video')} className="slide-item__thumb" />
              <div className="slide-item__text">
                <span className="slide-item__place">{t('slideshows.item.place', { n: index + 1 })}</span>
                <span className="slide-item__meta">
                  {t('slideshows.item.added', { name: item.addedBy?.name ?? t('slideshows.someone'), when: whenText(i18n, item.addedAt) })}
                </span>
              </div>
              {(props.canReorder || item.abilities.remove) && (
                <span className="slide-item__buttons">
                  {props.canReorder && (
                    <>
                      <Button
                        variant="secondary"
                        className="slide-item__button"
                        data-move="earlier"
                        aria-label={t('slideshows.moveEarlierLabel', { item: itemLabel })}
                        aria-disabled={index === 0 || undefined}
                        onClick={() => move(item.media.id, index - 1, 'earlier')}
                      >
                        {t('slideshows.moveEarlier')}
                      </Button>
                      <Button
                        variant="secondary"
                        className="slide-item__button"
                        data-move="later"
                        aria-label={t('slideshows.moveLaterLabel', { item: itemLabel })}
                        aria-disabled={index === rows.length - 1 || undefined}
                        onClick={() => move(item.media.id, index + 1, 'later')}
                      >
                        {t('slideshows.moveLater')}
                      </Button>
                    </>
                  )}
                  {item.abilities.remove && (
                    <Button variant="quiet" className="slide-item__button" aria-label={t('slideshows.removeLabel', { item: itemLabel })} onClick={() => props.onRemove(item)}>
                      {t('slideshows.remove')}
                    </Button>
                  )}
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
