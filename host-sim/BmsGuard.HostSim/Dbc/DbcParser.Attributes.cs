namespace BmsGuard.HostSim.Dbc;

/// <summary>Attribute statements: BA_DEF_, BA_DEF_DEF_ and BA_. Values are typed by the resolver, once all definitions are known.</summary>
internal sealed partial class DbcParser
{
    // BA_DEF_ [BU_|BO_|SG_|EV_] "name" INT min max | HEX min max | FLOAT min max | STRING | ENUM "a","b" ;
    private void ParseAttributeDefinition()
    {
        var scope = DbcAttributeScope.Network;
        if (Peek.Kind == DbcTokenKind.Identifier)
        {
            var scopeToken = Next();
            scope = scopeToken.Text switch
            {
                "BU_" => DbcAttributeScope.Node,
                "BO_" => DbcAttributeScope.Message,
                "SG_" => DbcAttributeScope.Signal,
                "EV_" => DbcAttributeScope.EnvironmentVariable,
                _ => throw Error(scopeToken, $"expected BU_, BO_, SG_, EV_ or the attribute name after BA_DEF_, found {scopeToken.Describe()}"),
            };
        }

        var nameToken = Peek;
        string name = ExpectString("BA_DEF_");
        var typeToken = Peek;
        string typeName = ExpectIdentifier($"the type of attribute {name} (INT, HEX, FLOAT, STRING or ENUM)");
        double? min = null;
        double? max = null;
        var labels = new List<string>();
        DbcAttributeType type;
        switch (typeName)
        {
            case "INT" or "HEX" or "FLOAT":
                type = typeName switch { "INT" => DbcAttributeType.Int, "HEX" => DbcAttributeType.Hex, _ => DbcAttributeType.Float };
                min = ExpectNumber($"the minimum of attribute {name}");
                max = ExpectNumber($"the maximum of attribute {name}");
                break;
            case "STRING":
                type = DbcAttributeType.String;
                break;
            case "ENUM":
                type = DbcAttributeType.Enum;
                while (Peek.Kind == DbcTokenKind.String)
                {
                    labels.Add(Next().Text);
                    if (!Accept(","))
                    {
                        break;
                    }
                }

                break;
            default:
                throw Error(typeToken, $"unknown attribute type '{typeName}' for {name} (expected INT, HEX, FLOAT, STRING or ENUM)");
        }

        ExpectEnd($"BA_DEF_ \"{name}\"");
        if (!_db.Definitions.TryAdd(name, new DbcAttributeDefinition(name, scope, type, min, max, labels)))
        {
            throw Error(nameToken, $"attribute {name} is defined twice");
        }
    }

    // BA_DEF_DEF_ "name" value ;
    private void ParseAttributeDefault()
    {
        string name = ExpectString("BA_DEF_DEF_");
        var value = ExpectValue($"BA_DEF_DEF_ \"{name}\"");
        ExpectEnd($"BA_DEF_DEF_ \"{name}\"");
        _resolver.AddDefault(name, value);
    }

    // BA_ "name" [BU_ node | BO_ id | SG_ id signal | EV_ name] value ;
    private void ParseAttributeValue()
    {
        string name = ExpectString("BA_");
        Dictionary<string, DbcAttributeValue>? target = _db.AttributeValues;
        var scope = DbcAttributeScope.Network;
        if (Peek.Kind == DbcTokenKind.Identifier)
        {
            var kind = Next();
            switch (kind.Text)
            {
                case "BU_":
                    var nodeToken = Peek;
                    string nodeName = ExpectIdentifier("a node name after BA_ ... BU_");
                    target = _db.Node(nodeName)?.AttributeValues;
                    if (target == null)
                    {
                        Warn(nodeToken, $"BA_ \"{name}\" refers to node '{nodeName}', which BU_ does not list; the statement is ignored");
                        SkipIgnoredStatement();
                        return;
                    }

                    scope = DbcAttributeScope.Node;
                    break;
                case "BO_":
                    target = ExpectMessageRef($"BA_ \"{name}\"")?.AttributeValues;
                    if (target == null)
                    {
                        SkipIgnoredStatement();
                        return;
                    }

                    scope = DbcAttributeScope.Message;
                    break;
                case "SG_":
                    if (ExpectMessageRef($"BA_ \"{name}\"") is not { } message || ExpectSignalRef(message, $"BA_ \"{name}\"") is not { } signal)
                    {
                        SkipIgnoredStatement();
                        return;
                    }

                    target = signal.AttributeValues;
                    scope = DbcAttributeScope.Signal;
                    break;
                case "EV_":
                    ExpectIdentifier("an environment variable name after BA_ ... EV_");
                    target = null;
                    break;
                default:
                    throw Error(kind, $"expected BU_, BO_, SG_, EV_ or a value in BA_ \"{name}\", found {kind.Describe()}");
            }
        }

        var value = ExpectValue($"BA_ \"{name}\"");
        ExpectEnd($"BA_ \"{name}\"");
        if (target != null)
        {
            _resolver.AddValue(name, scope, target, value);
        }
    }

    private DbcToken ExpectValue(string statement)
    {
        var t = Next();
        return t.Kind is DbcTokenKind.Number or DbcTokenKind.String ? t : throw Error(t, $"expected a number or string value in {statement}, found {t.Describe()}");
    }
}
