import { create } from 'zustand';

export interface Toast { id: number; text: string; kind: 'info' | 'error'; undo?: () => void | Promise<void> }

interface ToastState {
  toasts: Toast[];
  push: (t: Omit<Toast, 'id'>, ms?: number) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

export const useToasts = create<ToastState>((set, get) => ({
  toasts: [],
  push: (t, ms = 6000) => {
    const id = nextId++;
    set({ toasts: [...get().toasts, { ...t, id }] });
    setTimeout(() => get().dismiss(id), ms);
  },
  dismiss: (id) => set({ toasts: get().toasts.filter((t) => t.id !== id) }),
}));

export const toastError = (text: string): void => useToasts.getState().push({ text, kind: 'error' });
export const toastInfo = (text: string, undo?: () => void | Promise<void>): void =>
  useToasts.getState().push({ text, kind: 'info', undo });
