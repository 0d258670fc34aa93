using MlaFlow.Workflows.Execution;

namespace MlaFlow.Grains.Requests;

/// <summary>
/// What the workflow engine refuses, as callers of a request grain see it: the engine's exceptions belong to the engine,
/// which callers do not reference; these carry the same message (and the form's problems) across silos.
/// </summary>
internal static class Refusals
{
    public static T Translate<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (OpenStepNotFoundException e)
        {
            throw new TaskNotFoundException(e.Message);
        }
        catch (FormValidationException e)
        {
            throw new FormRejectedException(e.Errors);
        }
        catch (WorkflowOperationException e)
        {
            throw new RequestConflictException(e.Message);
        }
    }
}
