/**
 * CUPS' `ippeveprinter` as a real IPP printer for the printing tests, in a temporary spool
 * directory. ippeveprinter insists on a D-Bus system bus for DNS-SD (even with `-r off`), so a
 * private `dbus-daemon` runs beside it.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts TCP connections on `port`. */
export async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ port, host: '127.0.0.1' });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`nothing listens on port ${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const BUS_CONFIG = (socketPath: string) => `<!DOCTYPE busconfig PUBLIC
 "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>custom</type>
  <listen>unix:path=${socketPath}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;

export interface IppPrinterPeerOptions {
  /** Accepted formats (default application/pdf). */
  formats?: string;
  /** The command each job runs: /bin/true completes at once, /bin/false aborts. */
  command?: string;
}

export interface IppPrinterPeer {
  uri: string;
  port: number;
  /** Files the printer kept (-k). */
  spooledFiles(): Promise<string[]>;
  close(): Promise<void>;
}

/** Starts the private D-Bus once per test file; printers share it. */
export class IppPrinterPeers {
  private directory: string | null = null;
  private bus: ChildProcess | null = null;
  private readonly children: ChildProcess[] = [];

  private busStarted: Promise<string> | null = null;

  private ensureBus(): Promise<string> {
    this.busStarted ??= this.startBus();
    return this.busStarted;
  }

  private async startBus(): Promise<string> {
    this.directory = await mkdtemp(path.join(tmpdir(), 'tracershop-ipp-'));
    const socketPath = path.join(this.directory, 'bus.sock');
    const configPath = path.join(this.directory, 'bus.conf');
    await writeFile(configPath, BUS_CONFIG(socketPath));
    const bus = spawn('dbus-daemon', ['--config-file', configPath, '--nofork', '--print-address'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    this.bus = bus;
    return new Promise<string>((resolve, reject) => {
      let output = '';
      bus.once('error', reject);
      bus.once('exit', (code) => reject(new Error(`dbus-daemon exited (${code})`)));
      bus.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('\n')) {
          resolve(output.trim().split('\n')[0] ?? '');
        }
      });
    });
  }

  async start(name: string, options: IppPrinterPeerOptions = {}): Promise<IppPrinterPeer> {
    const busAddress = await this.ensureBus();
    const spool = await mkdtemp(path.join(this.directory ?? tmpdir(), `${name}-`));
    const port = await freePort();
    const args = ['-p', String(port), '-f', options.formats ?? 'application/pdf', '-k'];
    args.push('-d', spool, '-r', 'off');
    if (options.command !== undefined) {
      args.push('-c', options.command);
    }
    args.push(name);
    const child = spawn('ippeveprinter', args, {
      env: { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: busAddress },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.children.push(child);
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors = (errors + chunk.toString()).slice(-2000);
    });
    try {
      await waitForPort(port);
    } catch (error) {
      throw new Error(`ippeveprinter ${name} did not start: ${errors}`, { cause: error });
    }
    return {
      uri: `ipp://127.0.0.1:${port}/ipp/print`,
      port,
      spooledFiles: async () =>
        (await readdir(spool, { recursive: true })).filter((file) => file.endsWith('.pdf')),
      close: () => stop(child),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.children.map((child) => stop(child)));
    if (this.bus !== null) {
      await stop(this.bus);
    }
    if (this.directory !== null) {
      await rm(this.directory, { recursive: true, force: true });
    }
  }
}
