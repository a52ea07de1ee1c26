import { Alert, Button, Checkbox, Group, Modal, NativeSelect, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import {
  DEFAULT_POSTGRES_PORT,
  teamServerSchema,
  type TeamServer,
  type TeamTlsMode,
} from '../../../shared/api/schemas/team-workspace-schemas';
import { DialogFooter } from '../ui/DialogFooter';
import { useTeamConnectStore, type TeamField, type TeamProblem } from './team-connect-store';

const TLS_CHOICES: Array<{ value: TeamTlsMode; label: string }> = [
  { value: 'verify-full', label: 'Required, server certificate checked (recommended)' },
  { value: 'no-verify', label: 'Required, certificate not checked' },
  { value: 'disable', label: 'Off (a trusted network only)' },
];

interface FormValues {
  host: string;
  port: string;
  database: string;
  user: string;
  password: string;
  tls: TeamTlsMode;
  remember: boolean;
}

type FieldErrors = Partial<Record<TeamField, string>>;

/** What the form says under its buttons: progress, a passed test, or a refusal. */
type Status = { kind: 'working'; text: string } | { kind: 'passed'; text: string } | { kind: 'failed'; problem: TeamProblem } | null;

function initialValues(server: TeamServer | null): FormValues {
  return {
    host: server?.host ?? '',
    port: String(server?.port ?? DEFAULT_POSTGRES_PORT),
    database: server?.database ?? '',
    user: server?.user ?? '',
    password: '',
    tls: server?.tls ?? 'verify-full',
    remember: true,
  };
}

/**
 * The server fields checked by the contract's own schema (the backend checks them again), with a
 * message per field; the port must be a whole number first.
 */
function validate(values: FormValues): { server: TeamServer } | { errors: FieldErrors } {
  const port = /^\s*\d{1,5}\s*$/.test(values.port) ? Number(values.port) : Number.NaN;
  const parsed = teamServerSchema.safeParse({ host: values.host, port: Number.isNaN(port) ? -1 : port, database: values.database, user: values.user, tls: values.tls });
  if (parsed.success) return { server: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as TeamField;
    errors[field] ??= field === 'port' ? 'The port is a whole number between 1 and 65535 (PostgreSQL uses 5432).' : issue.message;
  }
  return { errors };
}

/**
 * "Connect to a team workspace": a PostgreSQL server's host, port, database, user name, password
 * and TLS mode. Test connection checks without switching; Connect switches and lists the
 * workspace in Recent workspaces by its address (never the password). Where the password is
 * kept is the host's to say (encrypted with the keychain in the desktop app, memory in the
 * browser harness, or nowhere).
 */
export function TeamConnectModal() {
  const opened = useTeamConnectStore((state) => state.opened);
  const prefill = useTeamConnectStore((state) => state.prefill);
  const busy = useTeamConnectStore((state) => state.busy);
  const close = () => useTeamConnectStore.getState().close();
  return (
    <Modal opened={opened} onClose={close} title="Connect to a team workspace" size="lg" centered closeOnClickOutside={busy === null} closeOnEscape={busy !== 'connect'}>
      {/* Mounted only while open, so each opening starts from its own prefill. */}
      {opened && <TeamConnectForm server={prefill?.server ?? null} problem={prefill?.problem ?? null} onCancel={close} />}
    </Modal>
  );
}

function TeamConnectForm({ server, problem, onCancel }: { server: TeamServer | null; problem: TeamProblem | null; onCancel(): void }) {
  const busy = useTeamConnectStore((state) => state.busy);
  const storage = useTeamConnectStore((state) => state.storage);
  const [values, setValues] = useState<FormValues>(() => initialValues(server));
  const [errors, setErrors] = useState<FieldErrors>(problem?.field ? { [problem.field]: ' ' } : {});
  const [status, setStatus] = useState<Status>(problem ? { kind: 'failed', problem } : null);
  const inputs = useRef<Partial<Record<TeamField, HTMLInputElement | HTMLSelectElement | null>>>({});

  const change = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (key in errors) setErrors(({ [key as TeamField]: _, ...rest }) => rest);
    if (status?.kind !== 'working') setStatus(null);
  };

  /** The server from the fields, or null after marking the first wrong field and moving focus to it. */
  function checkedServer(): TeamServer | null {
    const checked = validate(values);
    if ('server' in checked) return checked.server;
    setErrors(checked.errors);
    setStatus(null);
    const first = (['host', 'port', 'database', 'user', 'tls'] as const).find((field) => checked.errors[field]);
    if (first) inputs.current[first]?.focus();
    return null;
  }

  function showProblem(found: TeamProblem) {
    setStatus({ kind: 'failed', problem: found });
    // The field it is about is marked; its message is the alert's, read once.
    setErrors(found.field ? { [found.field]: ' ' } : {});
    if (found.field) inputs.current[found.field]?.focus();
  }

  const password = values.password === '' ? undefined : values.password;

  async function testConnection() {
    const checked = checkedServer();
    if (!checked || busy) return;
    setStatus({ kind: 'working', text: `Testing the connection to ${checked.host}…` });
    const outcome = await useTeamConnectStore.getState().test(checked, password);
    if ('result' in outcome) setStatus({ kind: 'passed', text: outcome.result.message });
    else showProblem(outcome.problem);
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkedServer();
    if (!checked || busy) return;
    setStatus({ kind: 'working', text: `Connecting to ${checked.database} on ${checked.host}…` });
    const refused = await useTeamConnectStore.getState().connect(checked, password, values.remember);
    if (refused) showProblem(refused);
  }

  /** What each server field binds alike: its element (focused when it is wrong), value, change and error (' ': marked, the alert says why). */
  const fieldProps = (field: TeamField) => ({
    ref: (element: HTMLInputElement | HTMLSelectElement | null) => {
      inputs.current[field] = element;
    },
    value: values[field],
    // The TLS select offers only TLS_CHOICES, so its value is always a TeamTlsMode.
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => change(field, event.currentTarget.value),
    error: errors[field] === ' ' ? true : errors[field],
  });
  const canKeep = storage?.kind !== 'unavailable';

  return (
    <form onSubmit={(event) => void handleSubmit(event)} noValidate aria-label="Connect to a team workspace">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          A workspace the whole team shares, in a PostgreSQL database on a server. Your admin gives you these details (see "Setting up a team server" in
          the README).
        </Text>
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <TextInput
            {...fieldProps('host')}
            label="Server"
            description="Host name or IP address"
            placeholder="db.example.com"
            required
            data-autofocus={server ? undefined : true}
            spellCheck={false}
            autoComplete="off"
            style={{ flex: 1, minWidth: 0 }}
          />
          <TextInput
            {...fieldProps('port')}
            label="Port"
            description="Usually 5432"
            inputMode="numeric"
            required
            w={130}
            autoComplete="off"
          />
        </Group>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            {...fieldProps('database')}
            label="Database"
            placeholder="qbr_book"
            required
            spellCheck={false}
            autoComplete="off"
          />
          <TextInput
            {...fieldProps('user')}
            label="User name"
            placeholder="qbr_team"
            required
            spellCheck={false}
            autoComplete="username"
          />
        </SimpleGrid>
        <PasswordInput
          {...fieldProps('password')}
          label="Password"
          description={server ? 'Type the password for this server.' : 'Leave empty if the server needs none from this computer.'}
          data-autofocus={server ? true : undefined}
          autoComplete="current-password"
        />
        <NativeSelect {...fieldProps('tls')} label="Encryption (TLS)" data={TLS_CHOICES} />
        <Checkbox
          label="Remember the password on this computer"
          description={storage?.message ?? ' '}
          checked={canKeep && values.remember}
          disabled={!canKeep}
          onChange={(event) => change('remember', event.currentTarget.checked)}
        />
        <div aria-live="polite" data-testid="team-connect-status">
          {status?.kind === 'working' && (
            <Text size="sm" c="dimmed">
              {status.text}
            </Text>
          )}
          {status?.kind === 'passed' && (
            <Alert color="teal" variant="light" title="Connection works">
              {status.text}
            </Alert>
          )}
          {status?.kind === 'failed' && (
            <Alert color="red" variant="light" title="Couldn't connect" role="alert">
              {status.problem.message}
            </Alert>
          )}
        </div>
        {/* Progress, a passed test and a refusal all show in the status above. */}
        <DialogFooter onCancel={onCancel} cancelDisabled={busy === 'connect'}>
          <Button variant="default" onClick={() => void testConnection()} loading={busy === 'test'} disabled={busy === 'connect'}>
            Test connection
          </Button>
          <Button type="submit" loading={busy === 'connect'} disabled={busy === 'test'}>
            Connect
          </Button>
        </DialogFooter>
      </Stack>
    </form>
  );
}
