/**
 * @module The staff-page watermark overlay (server-rendered, so it is there before any script
 * runs) and the islands that keep it there and handle the session lock.
 */
import { styleAttribute, WATERMARK_ID, type WatermarkIdentity, watermarkStyle } from './watermark-svg.ts';

/** Islands every staff page loads with the watermark. */
export const STAFF_GUARD_SCRIPTS = ['watermark', 'session-lock'];

export function Watermark(props: { who: WatermarkIdentity; at: number }) {
  return (
    <div
      id={WATERMARK_ID}
      aria-hidden="true"
      data-testid="watermark"
      data-name={props.who.displayName}
      data-user={props.who.userId}
      data-tenant={props.who.tenant}
      data-at={String(props.at)}
      style={styleAttribute(watermarkStyle(props.who, props.at))}
    />
  );
}
