namespace PodExport.Simulator.Faults;

/// <summary>Which requests a fault rule matches.</summary>
public enum FaultVerb
{
    /// <summary>List and watch.</summary>
    ListOrWatch,
    List,
    Watch,

    /// <summary>TokenReview and SubjectAccessReview.</summary>
    Review,

    /// <summary>Any request.</summary>
    Any,
}
