// Mail through Communication Services: an Email service with an Azure-managed or custom domain.
param communicationName string
param emailServiceName string
param tags object
@description('The app\'s user-assigned identity.')
param identityName string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

@description('Where Communication Services keeps its data (a geography such as China, Europe, United States).')
param dataLocation string

@description('A custom mail domain, or empty for the Azure-managed domain (which needs no DNS but sends little).')
param customDomain string

resource emailService 'Microsoft.Communication/emailServices@2025-05-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: { dataLocation: dataLocation }
}

resource domain 'Microsoft.Communication/emailServices/domains@2025-05-01' = {
  parent: emailService
  name: empty(customDomain) ? 'AzureManagedDomain' : customDomain
  location: 'global'
  tags: tags
  properties: {
    domainManagement: empty(customDomain) ? 'AzureManaged' : 'CustomerManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communication 'Microsoft.Communication/communicationServices@2025-05-01' = {
  name: communicationName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [domain.id]
    disableLocalAuth: true
  }
}

// Sending mail with an Entra token: only the two actions the send checks, on this resource only.
resource emailSender 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(communication.id, 'email-sender')
  properties: {
    roleName: 'Pipeline email sender (${communication.name})'
    description: 'Send email through one Communication Services resource.'
    type: 'CustomRole'
    permissions: [
      {
        actions: [
          'Microsoft.Communication/CommunicationServices/Read'
          'Microsoft.Communication/EmailServices/write'
        ]
      }
    ]
    assignableScopes: [resourceGroup().id]
  }
}

resource emailSenderAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communication.id, identity.id, 'email-sender')
  scope: communication
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: emailSender.id
  }
}

output endpoint string = 'https://${communication.properties.hostName}/'
// {name}.{geo}.communication.azure.com: the audience is the host without its first two labels.
output audience string = 'https://${join(skip(split(communication.properties.hostName, '.'), 2), '.')}/.default'
output senderDomain string = domain.properties.mailFromSenderDomain
