import type { ElementStatus } from '../../../shared/charges';

/** Refuted is good news for the defence; supported is the prosecution's. */
export const statusColor: Record<ElementStatus, string> = {
  unaddressed: 'gray',
  supported: 'red',
  contested: 'yellow',
  refuted: 'green',
};
