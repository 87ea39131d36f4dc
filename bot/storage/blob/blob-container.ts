// The Azure Blob container of the bot state (and of the SharePoint outbox in the cloud): from a
// connection string (Azurite locally: UseDevelopmentStorage=true or the emulator's full string), or
// from the account URL with a managed identity (MANAGED_IDENTITY_CLIENT_ID) through msal-node, since
// the app carries no @azure/identity.
import { ManagedIdentityApplication } from '@azure/msal-node';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import type { Config } from '../../config.js';

export interface BlobSettings {
  connectionString?: string;
  accountUrl?: string;
  container: string;
  managedIdentityClientId?: string;
}

/**
 * The blob settings of the configuration, for the state store and the SharePoint outbox alike: with
 * AZURE_STORAGE_ACCOUNT_URL both authenticate as the user-assigned identity MANAGED_IDENTITY_CLIENT_ID
 * (the web app in infra/ has no system-assigned identity).
 */
export function blobSettingsOf(config: Pick<Config, 'azureStorage' | 'auth'>): BlobSettings {
  const { connectionString, accountUrl, container } = config.azureStorage;
  return {
    connectionString,
    accountUrl,
    container,
    managedIdentityClientId: config.auth.managedIdentityClientId,
  };
}

/** The shape of @azure/core-auth's TokenCredential, which BlobServiceClient accepts. */
interface BlobCredential {
  getToken(scopes: string | string[]): Promise<{ token: string; expiresOnTimestamp: number } | null>;
}

/** A TokenCredential (as @azure/core-auth defines it) backed by msal-node's managed identity client. */
export function managedIdentityCredential(clientId: string | undefined): BlobCredential {
  const app = new ManagedIdentityApplication({ managedIdentityIdParams: { userAssignedClientId: clientId } });
  return {
    getToken: async () => {
      const result = await app.acquireToken({ resource: 'https://storage.azure.com' });
      return {
        token: result.accessToken,
        expiresOnTimestamp: result.expiresOn?.getTime() ?? Date.now() + 5 * 60_000,
      };
    },
  };
}

/**
 * Bounded retries (the SDK's default retries for up to minutes): an outage must turn into a quick
 * `unavailable` answer, and the callers (the delivery pipeline, the scheduler's sweep, the
 * conversation spool) retry on their own schedule.
 */
export const BLOB_RETRY_OPTIONS = {
  maxTries: 2,
  tryTimeoutInMs: 5_000,
  retryDelayInMs: 200,
  maxRetryDelayInMs: 1_000,
} as const;

export function blobContainer(settings: BlobSettings): ContainerClient {
  let service: BlobServiceClient;
  const options = { retryOptions: BLOB_RETRY_OPTIONS };
  if (settings.connectionString) {
    service = BlobServiceClient.fromConnectionString(settings.connectionString, options);
  } else if (settings.accountUrl) {
    service = new BlobServiceClient(
      settings.accountUrl,
      managedIdentityCredential(settings.managedIdentityClientId),
      options,
    );
  } else {
    throw new Error('Azure Blob Storage needs AZURE_STORAGE_CONNECTION_STRING or AZURE_STORAGE_ACCOUNT_URL');
  }
  return service.getContainerClient(settings.container);
}
