import { useRouteError } from 'react-router';
import { ErrorScreen } from './ErrorScreen';

/** The router catches what a page throws; it gets the same screen as any other failure. */
export function RouteError() {
  return <ErrorScreen error={useRouteError()} />;
}
