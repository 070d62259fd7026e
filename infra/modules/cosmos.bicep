// Cosmos DB for results: database pipeline, containers reports/offices/notifications; keys off, identity only.
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

// Every query names the partition key; the app filters reports by year and verdict and sorts by time.
var containers = [
  {
    name: 'reports'
    partitionKey: '/office'
    compositeIndexes: [
      [
        { path: '/year', order: 'descending' }
        { path: '/receivedAt', order: 'descending' }
      ]
      [
        { path: '/verdict', order: 'ascending' }
        { path: '/receivedAt', order: 'descending' }
      ]
    ]
    // The findings and the read layout are read whole, never queried: leaving them out keeps writes cheap.
    excludedPaths: [
      { path: '/"_etag"/?' }
      { path: '/layout/*' }
      { path: '/findings/*' }
    ]
  }
  {
    name: 'offices'
    partitionKey: '/code'
    compositeIndexes: []
    excludedPaths: [
      { path: '/"_etag"/?' }
    ]
  }
  {
    name: 'notifications'
    partitionKey: '/office'
    compositeIndexes: [
      [
        { path: '/status', order: 'ascending' }
        { path: '/dueAt', order: 'ascending' }
      ]
    ]
    excludedPaths: [
      { path: '/"_etag"/?' }
    ]
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
          includedPaths: [{ path: '/*' }]
          excludedPaths: c.excludedPaths
          compositeIndexes: c.compositeIndexes
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
