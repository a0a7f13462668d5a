// Public surface of System.Net.dll (nanoFramework, MIT licence), written by tools/RefSource.
// Reference only: every body throws. Regenerate rather than edit.
using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using nanoFramework.Runtime.Events;

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        protected string _issuer;

        protected string _subject;

        protected DateTime _effectiveDate;

        protected DateTime _expirationDate;

        protected byte[] _handle;

        protected byte[] _sessionHandle;

        public virtual string Issuer
        {
            get
            {
                throw null;
            }
        }

        public virtual string Subject
        {
            get
            {
                throw null;
            }
        }

        public X509Certificate()
        {
            throw null;
        }

        public X509Certificate(byte[] certificate)
        {
            throw null;
        }

        public X509Certificate(string certificate)
        {
            throw null;
        }

        public virtual DateTime GetEffectiveDate()
        {
            throw null;
        }

        public virtual DateTime GetExpirationDate()
        {
            throw null;
        }

        public virtual byte[] GetRawCertData()
        {
            throw null;
        }
    }
}
