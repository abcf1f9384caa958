using Kagi.Hcl.Syntax;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Evaluation;

/// <summary>HCL's unary and binary operators over values that may be unknown.</summary>
internal static class Operators
{
    public static TfValue Binary(BinaryOperator op, TfValue left, TfValue right) => op switch
    {
        BinaryOperator.Or => Logical(left, right, dominant: true),
        BinaryOperator.And => Logical(left, right, dominant: false),
        BinaryOperator.Equal => ValueOps.Equal(left, right),
        BinaryOperator.NotEqual => Not(ValueOps.Equal(left, right)),
        _ => Numeric(op, left, right),
    };

    public static TfValue Unary(UnaryOperator op, TfValue operand) => operand switch
    {
        TfUnknown => operand,
        _ when op == UnaryOperator.Not => Not(operand),
        _ => new TfNumber(-ValueOps.ExpectNumber(operand, "the operand of -")),
    };

    // "true || x" is true and "false && x" is false whatever x is, even unknown.
    private static TfValue Logical(TfValue left, TfValue right, bool dominant)
    {
        var name = dominant ? "||" : "&&";
        bool? Read(TfValue value) => value is TfUnknown ? null : ValueOps.ExpectBool(value, $"an operand of {name}");
        var (l, r) = (Read(left), Read(right));
        if (l == dominant || r == dominant)
        {
            return TfValue.Of(dominant);
        }

        return l is null ? left : r is null ? right : TfValue.Of(!dominant);
    }

    private static TfValue Not(TfValue value) =>
        value is TfUnknown ? value : TfValue.Of(!ValueOps.ExpectBool(value, "the operand of !"));

    private static TfValue Numeric(BinaryOperator op, TfValue left, TfValue right)
    {
        if ((left as TfUnknown ?? right as TfUnknown) is { } unknown)
        {
            return new TfUnknown(unknown.Reason);
        }

        var a = ValueOps.ExpectNumber(left, "an arithmetic or comparison operand");
        var b = ValueOps.ExpectNumber(right, "an arithmetic or comparison operand");
        try
        {
            return op switch
            {
                BinaryOperator.LessThan => TfValue.Of(a < b),
                BinaryOperator.LessThanOrEqual => TfValue.Of(a <= b),
                BinaryOperator.GreaterThan => TfValue.Of(a > b),
                BinaryOperator.GreaterThanOrEqual => TfValue.Of(a >= b),
                BinaryOperator.Add => new TfNumber(a + b),
                BinaryOperator.Subtract => new TfNumber(a - b),
                BinaryOperator.Multiply => new TfNumber(a * b),
                BinaryOperator.Divide => new TfNumber(a / b),
                BinaryOperator.Modulo => new TfNumber(a % b),
                _ => throw new EvaluationException($"unsupported operator {op}"),
            };
        }
        catch (DivideByZeroException)
        {
            throw new EvaluationException("division by zero");
        }
        catch (OverflowException)
        {
            throw new EvaluationException("the result of the arithmetic is too large");
        }
    }
}
