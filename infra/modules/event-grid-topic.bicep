// The system topic for blob events on the drop account. Its subscription is deployed after the code.
import { roleIds } from 'role-ids.bicep'

param name string
param location string
param tags object
param dropStorageName string
param deadLetterContainerName string

resource dropStorage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: dropStorageName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' existing = {
  parent: dropStorage
  name: 'default'
}

resource deadLetterContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' existing = {
  parent: blobService
  name: deadLetterContainerName
}

resource topic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  identity: { type: 'SystemAssigned' }
  properties: {
    source: dropStorage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

// Event Grid writes events it could not deliver here, with its own identity (the account has no keys).
resource deadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(deadLetterContainer.id, topic.id, roleIds.storageBlobDataContributor)
  scope: deadLetterContainer
  properties: {
    principalId: topic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageBlobDataContributor)
  }
}

output name string = topic.name
