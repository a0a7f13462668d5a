// Public surface of nanoFramework.M2Mqtt.Core.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt.Messages
{
    public enum MqttReasonCode
    {
        Success = 0,
        NormalDisconnection = Success,
        GrantedQoS0 = Success,
        GrantedQoS1 = 1,
        GrantedQoS2 = 2,
        DisconnectWithWillMessage = 4,
        NoMatchingSubscribers = 16,
        NoSubscriptionExisted = 17,
        ContinueAuthentication = 24,
        ReAuthenticate = 25,
        UnspecifiedError = 128,
        MalformedPacket = 129,
        ProtocolError = 130,
        ImplementationSpecificError = 131,
        UnsupportedProtocolVersion = 132,
        ClientIdentifierNotValid = 133,
        BadUserNameOrPassword = 134,
        NotAuthorized = 135,
        ServerUnavailable = 136,
        ServerBusy = 137,
        Banned = 138,
        ServeShuttingDown = 139,
        BadAuthenticationMethod = 140,
        KeepAliveTimeout = 141,
        SessionTakenOver = 142,
        TopicFilterInvalid = 143,
        TopicNameInvalid = 144,
        PacketIdentifierInUse = 145,
        PacketIdentifierNotFound = 146,
        ReceiveMaximumExceeded = 147,
        TopicAliasInvalid = 148,
        PacketTooLarge = 149,
        MessageRateTooHigh = 150,
        QuotaExceeded = 151,
        AdministrativeAction = 152,
        PayloadFormatInvalid = 153,
        RetainNotSupported = 154,
        QoSNotSupported = 155,
        UseAnotherServer = 156,
        ServerMoved = 157,
        SharedSubscriptionsNotSupported = 158,
        ConnectionRateExceeded = 159,
        MaximumConnectTime = 160,
        SubscriptionIdentifiersNotSupported = 161,
        WildcardSubscriptionsNotSupported = 162,
        ConnectionRefusedUnacceptableProtocolVersion = GrantedQoS1,
        ConnectionRefusedIdentifierRejected = GrantedQoS2,
        ConnectionRefusedServerUnavailable = 3,
        ConnectionRefusedBadUserNameOrPassword = DisconnectWithWillMessage,
        ConnectionRefusedNotAuthorized = 5
    }
}
