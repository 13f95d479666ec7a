import { v7 } from 'uuid';

/** Time-ordered ids that can be made offline on any machine without collisions. */
export const newId = (): string => v7();
