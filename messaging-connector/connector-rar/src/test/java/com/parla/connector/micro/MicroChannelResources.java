package com.parla.connector.micro;

import jakarta.ejb.Singleton;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The connector's sending factory and administration as an application defines them against the standalone RAR
 * (no '#': not in an EAR).
 */
@Singleton
@ConnectionFactoryDefinition(name = "java:app/eis/channels",
        interfaceName = "com.parla.connector.api.ChannelConnectionFactory", resourceAdapter = "parla-connector",
        transactionSupport = TransactionSupportLevel.NoTransaction, maxPoolSize = 4)
@AdministeredObjectDefinition(name = "java:app/eis/channel-administration",
        interfaceName = "com.parla.connector.api.ChannelAdministration",
        className = "com.parla.connector.admin.ChannelAdministrator", resourceAdapter = "parla-connector")
public class MicroChannelResources {
}
