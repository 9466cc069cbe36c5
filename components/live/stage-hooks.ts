"use client";

import { useCallback, useEffect, useRef, useState } from "react";

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches("input, textarea, select"));
}

/** The browser's full screen for the projector, toggled by a button or the F key. */
export function useFullScreen(): { active: boolean; toggle: () => void } {
  const [active, setActive] = useState(false);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, []);
  useEffect(() => {
    const onChange = () => setActive(document.fullscreenElement !== null);
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== "f" || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      toggle();
    };
    document.addEventListener("fullscreenchange", onChange);
    window.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("fullscreenchange", onChange);
      window.removeEventListener("keydown", onKey);
    };
  }, [toggle]);
  return { active, toggle };
}

/** A short tone when a question opens and when it is revealed; only once the host turned sound on. */
export function useCueSounds(enabled: boolean, phase: string, questionIndex: number): void {
  const context = useRef<AudioContext | null>(null);
  const last = useRef(`${phase}:${questionIndex}`);
  useEffect(() => {
    const key = `${phase}:${questionIndex}`;
    if (key === last.current) return;
    last.current = key;
    if (!enabled || (phase !== "question" && phase !== "reveal")) return;
    context.current ??= new AudioContext();
    const ctx = context.current;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = phase === "question" ? 660 : 880;
    gain.gain.setValueAtTime(0.2, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.4);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.4);
  }, [enabled, phase, questionIndex]);
}
