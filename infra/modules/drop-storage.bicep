// The drop account: offices' originals (container drop), the failure queues, Event Grid's dead letters.
// Originals are never lost: versioning keeps every overwrite, soft delete every delete.
import { roleIds } from 'role-ids.bicep'

param name string
param location string
param tags object
@description('The app\'s user-assigned identity.')
param identityName string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

@description('Turns on hierarchical namespace and SFTP, with one local user per office. Only at creation: Azure cannot add it later.')
param sftpEnabled bool

@description('SFTP users: [{ office: \'<office code>\', user: \'<lower-case letters and digits>\' }]. Home is drop/{office}.')
param sftpOffices array

@description('Days a deleted or overwritten original stays recoverable.')
param retentionDays int

@description('Where Event Grid puts events it could not deliver.')
param deadLetterContainerName string

@description('Log Analytics workspace for the queue logs the poison alert reads.')
param workspaceId string

var dropContainerName = 'drop'
var queueNames = [
  'report-failures'
  'report-failures-poison'
  'webjobs-blobtrigger-poison'
]

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    isHnsEnabled: sftpEnabled
    isSftpEnabled: sftpEnabled
    isLocalUserEnabled: sftpEnabled
    publicNetworkAccess: 'Enabled'
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: account
  name: 'default'
  properties: {
    // Versioning is not offered with hierarchical namespace; there soft delete is the guard.
    isVersioningEnabled: !sftpEnabled
    deleteRetentionPolicy: { enabled: true, days: retentionDays }
    containerDeleteRetentionPolicy: { enabled: true, days: retentionDays }
  }
}

resource dropContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: dropContainerName
  properties: { publicAccess: 'None' }
}

resource deadLetterContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = {
  parent: blobService
  name: deadLetterContainerName
  properties: { publicAccess: 'None' }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-01-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

// One local user per office: it lands in drop/{office} and may create, write and list; never read or delete.
resource localUsers 'Microsoft.Storage/storageAccounts/localUsers@2025-01-01' = [
  for office in (sftpEnabled ? sftpOffices : []): {
    parent: account
    name: office.user
    properties: {
      homeDirectory: '${dropContainerName}/${office.office}'
      hasSshPassword: false
      hasSshKey: true
      hasSharedKey: false
      permissionScopes: [
        {
          service: 'blob'
          resourceName: dropContainerName
          permissions: 'cwl'
        }
      ]
    }
  }
]

// The app only reads originals: Reader, not Owner or Contributor.
resource blobReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, identity.id, roleIds.storageBlobDataReader)
  scope: account
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageBlobDataReader)
  }
}

// Send, receive and delete on report-failures; the runtime writes both poison queues.
resource queueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, identity.id, roleIds.storageQueueDataContributor)
  scope: account
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageQueueDataContributor)
  }
}

// Queue writes land in Log Analytics, where the poison alert looks for them.
// The only version of diagnosticSettings for resource logs is a preview; the stable 2016 one is another API.
#disable-next-line use-recent-api-versions
resource queueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'queue-logs'
  scope: queueService
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'StorageWrite', enabled: true }
    ]
  }
}

output name string = account.name
output id string = account.id
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output dropContainerName string = dropContainer.name
output deadLetterContainerName string = deadLetterContainer.name
output queueNames array = [for (q, i) in queueNames: queues[i].name]
