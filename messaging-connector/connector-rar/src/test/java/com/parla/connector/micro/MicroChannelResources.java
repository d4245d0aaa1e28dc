package com.parla.connector.micro;

import jakarta.ejb.Singleton;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/** The connector's factory as an application defines it against the standalone RAR (no '#': not in an EAR). */
@Singleton
@ConnectionFactoryDefinition(name = "java:app/eis/channels",
        interfaceName = "com.parla.connector.api.ChannelConnectionFactory", resourceAdapter = "parla-connector",
        transactionSupport = TransactionSupportLevel.NoTransaction, maxPoolSize = 4)
public class MicroChannelResources {
}
