// Cosmos DB for results: database pipeline, containers reports/offices/notifications/textIndex; keys off, identity only.
import { cosmosDataContributorRoleId } from 'role-ids.bicep'

param name string
param location string
param tags object
@description('The app\'s user-assigned identity.')
param identityName string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

@allowed(['Serverless', 'Provisioned'])
param capacityMode string

@description('Autoscale maximum RU/s for the database when provisioned.')
param maxThroughput int

var databaseName = 'pipeline'

// Every query names the partition key and filters by equality only (sorting is done in memory), so each
// container indexes just the paths its queries filter on; the large stored results are not indexed.
var containers = [
  {
    name: 'reports'
    partitionKey: '/office'
    // Reports and their attempts: by type, file name, report id, year and verdict.
    includedPaths: ['/type/?', '/name/?', '/reportId/?', '/result/year/?', '/result/verdict/?']
  }
  {
    name: 'offices'
    partitionKey: '/code'
    includedPaths: []
  }
  {
    name: 'notifications'
    partitionKey: '/office'
    includedPaths: []
  }
  {
    // The rules across reports' MinHash buckets: one partition per band bucket, read by bucket only.
    name: 'textIndex'
    partitionKey: '/bucket'
    includedPaths: []
  }
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2025-04-15' = {
  name: name
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: capacityMode == 'Serverless' ? [{ name: 'EnableServerless' }] : []
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-04-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: { id: databaseName }
    options: capacityMode == 'Provisioned' ? { autoscaleSettings: { maxThroughput: maxThroughput } } : {}
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-04-15' = [
  for c in containers: {
    parent: database
    name: c.name
    properties: {
      resource: {
        id: c.name
        partitionKey: { paths: [c.partitionKey], kind: 'Hash', version: 2 }
        indexingPolicy: {
          indexingMode: 'consistent'
          automatic: true
          // The partition key and id are always queried; /* is left out on purpose.
          includedPaths: [for path in concat([c.partitionKey, '/id'], c.includedPaths): { path: endsWith(path, '/?') ? path : '${path}/?' }]
          excludedPaths: [{ path: '/*' }]
        }
      }
    }
  }
]

// Read and write items: the built-in data contributor, scoped to the database only.
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-04-15' = {
  parent: account
  name: guid(account.id, identity.id, cosmosDataContributorRoleId)
  properties: {
    principalId: identity.properties.principalId
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    scope: '${account.id}/dbs/${databaseName}'
  }
}

output name string = account.name
output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
output containerNames array = [for (c, i) in containers: sqlContainers[i].name]
