package com.parla.platform.boundary;

import jakarta.ejb.Singleton;
import jakarta.resource.AdministeredObjectDefinition;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;

/**
 * The application's connection factories and destinations. The container reads resource definitions from
 * component classes, hence an (empty) EJB. The JMS broker is the ActiveMQ resource adapter that the domain setup
 * deploys as {@code activemq-rar}: embedded by default, external when {@code parla.jms.url} is set.
 */
@Singleton
@ConnectionFactoryDefinition(name = PlatformResources.JMS_FACTORY,
        interfaceName = "jakarta.jms.ConnectionFactory", resourceAdapter = PlatformResources.BROKER_ADAPTER,
        transactionSupport = TransactionSupportLevel.XATransaction, minPoolSize = 1, maxPoolSize = 20)
@AdministeredObjectDefinition(name = PlatformResources.EVENTS_TOPIC,
        interfaceName = "jakarta.jms.Topic", className = "org.apache.activemq.command.ActiveMQTopic",
        resourceAdapter = PlatformResources.BROKER_ADAPTER, properties = "PhysicalName=parla.events")
@ConnectionFactoryDefinition(name = PlatformResources.CHANNEL_FACTORY,
        interfaceName = "com.parla.connector.api.ChannelConnectionFactory", resourceAdapter = "#parla-connector",
        transactionSupport = TransactionSupportLevel.NoTransaction, minPoolSize = 0, maxPoolSize = 32)
public class PlatformResources {

    public static final String BROKER_ADAPTER = "activemq-rar";
    public static final String JMS_FACTORY = "java:app/jms/parla";
    public static final String EVENTS_TOPIC = "java:app/jms/events";
    public static final String CHANNEL_FACTORY = "java:app/eis/channels";
    public static final String DATA_SOURCE = "jdbc/parla";
}
