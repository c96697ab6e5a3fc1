import { useEffect, useRef } from 'react';

/**
 * A ref for the panel that shows what was just picked (an indicator, a case, a unit). When the pick changes and the
 * panel is out of sight — on a phone the columns stack and it sits far below the list — it is scrolled into view.
 * Where the panel is already in sight beside the list, nothing moves.
 */
export function useReveal<T extends HTMLElement>(picked: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const el = ref.current;
    if (picked === null || picked === undefined || picked === false || !el) return;
    const top = el.getBoundingClientRect().top;
    if (top >= 0 && top < window.innerHeight * 0.75) return;
    const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    el.scrollIntoView({ block: 'start', behavior: still ? 'auto' : 'smooth' });
  }, [picked]);
  return ref;
}
