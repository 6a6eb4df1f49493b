/** Who makes a write: the signed-in person at this station. Every write takes one. */
export interface Actor {
  personId: string;
  stationId: string;
}
