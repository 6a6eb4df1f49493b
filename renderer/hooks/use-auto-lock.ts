import { useEffect } from 'react';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls onIdle once nobody has touched the keyboard, mouse or screen for `minutes`.
 * 0 (or not enabled) turns it off.
 */
export function useAutoLock(enabled: boolean, minutes: number, onIdle: () => void): void {
  useEffect(() => {
    if (!enabled || !(minutes > 0)) return;
    const limit = minutes * 60_000;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const type of ACTIVITY) window.addEventListener(type, touch, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last >= limit) onIdle();
    }, Math.min(15_000, limit / 4));
    return () => {
      window.clearInterval(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, touch, { capture: true });
    };
  }, [enabled, minutes, onIdle]);
}
