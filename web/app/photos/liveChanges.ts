/** Whether a live event may add something to the grid or take something out. */
export function changesGrid(event: string, payload: Record<string, unknown>): boolean {
  if (event === 'message.created') {
    const attachments = (payload.message as { attachments?: unknown } | undefined)?.attachments;
    return Array.isArray(attachments) && attachments.length > 0;
  }
  return event === 'media.created' || event === 'media.deleted' || event === 'message.deleted' || event === 'slideshow.changed';
}
