/**
 * User name and password fields, as the login page and the signature panel ask for them.
 * The password lives only in the caller's state.
 */
export interface CredentialFieldsProps {
  usernameLabel: string;
  passwordLabel: string;
  username: string;
  password: string;
  onUsernameChange(value: string): void;
  onPasswordChange(value: string): void;
}

export function CredentialFields(props: CredentialFieldsProps) {
  return (
    <>
      <label className="ts-login__field">
        {props.usernameLabel}
        <input
          className="ts-input"
          name="username"
          autoComplete="username"
          value={props.username}
          onChange={(event) => props.onUsernameChange(event.target.value)}
        />
      </label>
      <label className="ts-login__field">
        {props.passwordLabel}
        <input
          className="ts-input"
          name="password"
          type="password"
          autoComplete="current-password"
          value={props.password}
          onChange={(event) => props.onPasswordChange(event.target.value)}
        />
      </label>
    </>
  );
}
