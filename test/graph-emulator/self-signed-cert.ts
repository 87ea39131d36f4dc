// Certificates made with openssl for the tests: a TLS server certificate for the local Entra ID
// stand-in (msal-node refuses http:// authorities, PLATFORM-FACTS G8) and client certificates for the
// certificate credential. Nothing here leaves the temporary directory.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CertificateFiles {
  dir: string;
  keyPath: string;
  certPath: string;
  /** Private key followed by the certificate, as ENTRA_CLIENT_CERTIFICATE_PATH expects. */
  bundlePath: string;
  keyPem: string;
  certPem: string;
}

export function createSelfSignedCertificate(
  commonName: string,
  options: { subjectAltName?: string } = {},
): CertificateFiles {
  const dir = mkdtempSync(join(tmpdir(), 'th-cert-'));
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  const args = [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    keyPath,
    '-out',
    certPath,
    '-days',
    '2',
  ];
  args.push('-subj', `/CN=${commonName}`);
  if (options.subjectAltName) args.push('-addext', `subjectAltName=${options.subjectAltName}`);
  execFileSync('openssl', args, { stdio: 'ignore' });
  const keyPem = readFileSync(keyPath, 'utf8');
  const certPem = readFileSync(certPath, 'utf8');
  const bundlePath = join(dir, 'bundle.pem');
  writeFileSync(bundlePath, `${keyPem}\n${certPem}`);
  return { dir, keyPath, certPath, bundlePath, keyPem, certPem };
}
