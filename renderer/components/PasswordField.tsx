import { TextField } from './TextField';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /**
   * What the browser may do with it: fill a saved password (signing in), offer to save a new one,
   * or neither ('off', for the network passphrase, which is no account's password).
   */
  autoComplete: 'current-password' | 'new-password' | 'off';
  hint?: string;
  error?: string | null;
}

/** A required password or passphrase input, never shown in clear, with its label, hint and error. */
export function PasswordField(props: Props) {
  return <TextField {...props} type="password" required />;
}
