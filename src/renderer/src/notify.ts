import { notifications } from '@mantine/notifications';
import { ApiClientError } from './api/client';

/** A short confirmation that something the user asked for happened. */
export function notifySuccess(title: string, message?: string): void {
  notifications.show({ color: 'teal', title, message: message ?? '', autoClose: 4000 });
}

/** Reports a failed call; the backend's message is written for users, so it is shown as is. */
export function notifyError(title: string, error: unknown): void {
  notifications.show({ color: 'red', title, message: errorMessage(error), autoClose: 8000 });
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiClientError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
